// The investor's contacts: a table with 编辑 and 删除 (at once, with 撤销 offered) per row, and a
// form to add one.
import { useState } from 'react';
import type { ContactRecord } from '../../../domain/entities';
import { call } from '../api/client';
import { useRestores } from '../shared/undo-store';
import { useDeleteRow } from '../shared/use-delete-row';
import { ErrorText } from '../ui/Alert';
import { Card } from '../ui/Card';
import { Clip } from '../ui/Clip';
import { DataTable } from '../ui/DataTable';
import { useLoad } from '../ui/use-load';
import { ContactForm } from './ContactForm';
import { DeleteRowButton } from '../shared/DeleteRowButton';

/** The contact's fields the table shows, each in its column (a <col> class sets the width). */
const shown = [
  { key: 'name', label: '姓名', col: 'investors-col-person' },
  { key: 'title', label: '职务', col: '' },
  { key: 'phone', label: '电话', col: 'investors-col-phone' },
  { key: 'wechat', label: '微信', col: 'investors-col-phone' },
  { key: 'email', label: '邮箱', col: '' },
] as const;

const head = {
  label: '联系人',
  columns: [...shown, { label: '操作', hidden: true, col: 'investors-col-actions' }],
};

type Editing = { mode: 'add' } | { mode: 'edit'; contact: ContactRecord } | null;

export function InvestorContacts({ investorId }: { investorId: string }) {
  const restores = useRestores();
  const contacts = useLoad(() => call('contact.list', { investorId }), [investorId, restores]);
  const [editing, setEditing] = useState<Editing>(null);
  const removal = useDeleteRow('contact', () => contacts.reload());
  const rows = contacts.data;

  return (
    <Card
      id="investor-contacts"
      title="联系人"
      className="investors-card"
      actions={
        editing === null ? (
          <button
            type="button"
            className="investors-small-button"
            onClick={() => setEditing({ mode: 'add' })}
          >
            添加联系人
          </button>
        ) : null
      }
    >
      <ErrorText error={contacts.error ?? removal.error} className="investors-error" />
      {rows === null ? (
        contacts.error ? null : (
          <p className="muted-text">正在加载联系人……</p>
        )
      ) : rows.length === 0 ? (
        editing ? null : (
          <p className="investors-empty">
            还没有联系人。点「添加联系人」记下对接人的姓名、职务和联系方式。
          </p>
        )
      ) : (
        <DataTable
          className="investors-table investors-contacts"
          scroll="investors-table-scroll"
          head={head}
        >
          {rows.map((c) => (
            <tr key={c.id} className="investors-static-row">
              {shown.map(({ key }) => (
                <td key={key}>
                  <Clip text={c[key]} />
                </td>
              ))}
              <td className="investors-row-actions">
                <button
                  type="button"
                  className="link-button"
                  aria-label={`编辑 ${c.name}`}
                  onClick={() => setEditing({ mode: 'edit', contact: c })}
                >
                  编辑
                </button>
                <DeleteRowButton removal={removal} id={c.id} label={`删除 ${c.name}`} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {editing ? (
        <ContactForm
          key={editing.mode === 'edit' ? editing.contact.id : 'new'}
          investorId={investorId}
          contact={editing.mode === 'edit' ? editing.contact : null}
          onSaved={() => {
            setEditing(null);
            contacts.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}
