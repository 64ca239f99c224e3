// An activity's fields as both of its forms show them (the project's 活动记录 tab and 跟进's
// 记录活动): the kinds to choose from, and who took part and what was said, each with the domain's
// length limit and an example.
import { activityKinds } from '../../../domain/vocabulary';
import { choicesOf } from '../ui/Select';

export const activityKindChoices = choicesOf(activityKinds);

export const peopleInput = {
  maxLength: 500,
  autoComplete: 'off',
  placeholder: '如 张总（董事长）、李明',
};

export const notesInput = { maxLength: 5000, placeholder: '谈了什么，对方的意向和顾虑' };
