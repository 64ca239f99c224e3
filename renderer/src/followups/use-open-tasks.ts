// Open follow-ups across projects (task.list done=false, with each one's project name): the user's
// own (and unassigned ones) or everybody's; read again after each change made on the screen and
// after an undone delete. The list on screen stays while the other choice loads.
import type { TaskRecord } from '../../../domain/entities';
import { call } from '../api/client';
import { useRestores } from '../shared/undo-store';
import { useLoad } from '../ui/use-load';

export type OpenTask = TaskRecord & { projectName: string | null };

export function useOpenTasks(mine: boolean) {
  const restores = useRestores();
  return useLoad<OpenTask[]>(() => call('task.list', { done: false, mine }), [mine, restores], {
    keep: true,
  });
}
