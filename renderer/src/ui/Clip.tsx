// Text cut with … where its box is too narrow, shown whole as a tooltip.
import { classes } from './classes';

interface Props {
  text: string | null | undefined;
  /** Beside .ellipsis: the text's own look or place. */
  className?: string;
}

export function Clip({ text, className }: Props) {
  return (
    <span className={classes('ellipsis', className)} title={text || undefined}>
      {text}
    </span>
  );
}
