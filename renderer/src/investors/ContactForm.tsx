// Adding or editing one contact: 姓名, 职务, 电话, 微信, 邮箱 with visible labels, checked with the
// domain's contact schema before sending.
import { useId, useState } from 'react';
import type { ContactRecord } from '../../../domain/entities';
import { contactCreate } from '../../../domain/entities';
import { call } from '../api/client';
import { useLeaveGuard } from '../shell/leave-guard';
import { Field } from '../ui/Field';
import { fieldErrors } from '../ui/field-errors';
import type { FieldErrors } from '../ui/field-errors';
import { Form } from '../ui/Form';
import { useSubmit } from '../ui/use-submit';
import { FormActions } from './FormActions';

const fields = [
  { key: 'name', label: '姓名', max: 50, type: 'text' },
  { key: 'title', label: '职务', max: 100, type: 'text' },
  { key: 'phone', label: '电话', max: 50, type: 'tel' },
  { key: 'wechat', label: '微信', max: 50, type: 'text' },
  { key: 'email', label: '邮箱', max: 200, type: 'email' },
] as const;

type Key = (typeof fields)[number]['key'];
type Draft = Record<Key, string>;

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function draftOf(contact: ContactRecord | null): Draft {
  return {
    name: contact?.name ?? '',
    title: contact?.title ?? '',
    phone: contact?.phone ?? '',
    wechat: contact?.wechat ?? '',
    email: contact?.email ?? '',
  };
}

interface Props {
  investorId: string;
  /** null adds a new contact. */
  contact: ContactRecord | null;
  onSaved: () => void;
  onCancel: () => void;
}

export function ContactForm({ investorId, contact, onSaved, onCancel }: Props) {
  const base = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(contact));
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = useSubmit();

  const save = () => {
    const parsed = contactCreate.safeParse({
      investorId,
      name: draft.name,
      title: orNull(draft.title),
      phone: orNull(draft.phone),
      wechat: orNull(draft.wechat),
      email: orNull(draft.email),
    });
    setErrors(parsed.success ? {} : fieldErrors(parsed.error));
    if (!parsed.success) return Promise.resolve(false);
    return submit.run(
      async () => {
        if (contact) {
          const { name, title, phone, wechat, email } = parsed.data;
          await call('contact.update', {
            id: contact.id,
            patch: { name, title, phone, wechat, email },
          });
        } else {
          await call('contact.create', parsed.data);
        }
        onSaved();
      },
      { keepBusy: true },
    );
  };
  useLeaveGuard({
    dirty: JSON.stringify(draft) !== JSON.stringify(draftOf(contact)),
    what: contact ? `联系人「${contact.name}」的修改` : '新联系人中填写的内容',
    save,
  });

  return (
    <Form
      className="investors-contact-form"
      aria-label={contact ? `编辑联系人：${contact.name}` : '添加联系人'}
      onSubmit={() => void save()}
    >
      <div className="investors-contact-fields">
        {fields.map((f) => (
          <Field key={f.key} id={`${base}-${f.key}`} label={f.label} error={errors[f.key]}>
            {(p) => (
              <input
                {...p}
                className="input"
                type={f.type}
                value={draft[f.key]}
                maxLength={f.max}
                autoComplete="off"
                onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
      <FormActions
        submit={submit}
        submitLabel={contact ? '保存联系人' : '添加'}
        onCancel={onCancel}
      />
    </Form>
  );
}
