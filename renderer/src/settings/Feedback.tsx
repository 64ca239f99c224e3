// The line after a settings action: a quiet confirmation (announced politely) or an error (alert).
export interface FeedbackMessage {
  ok: boolean;
  text: string;
}

export function Feedback({ message }: { message: FeedbackMessage | null }) {
  if (message && !message.ok) {
    return (
      <span role="alert" className="settings-error">
        {message.text}
      </span>
    );
  }
  return (
    <span className="settings-ok" aria-live="polite">
      {message?.text ?? ''}
    </span>
  );
}
