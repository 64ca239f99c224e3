// The first cell of a row that opens a page: the name as a link (cut with …, whole as a tooltip).
// The row itself opens the page too; the link is what the keyboard reaches.
export function NameCell({ name, onOpen }: { name: string; onOpen: () => void }) {
  return (
    <td>
      <button
        type="button"
        className="link-button investors-link ellipsis"
        title={name}
        onClick={(e) => {
          e.stopPropagation();
          onOpen();
        }}
      >
        {name}
      </button>
    </td>
  );
}
