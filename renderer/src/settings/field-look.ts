// How a field looks on the 设置 screen: spread on ui's TextField and SelectField.
export const settingsField = {
  className: 'settings-field',
  inputClassName: 'control-box settings-input',
};
