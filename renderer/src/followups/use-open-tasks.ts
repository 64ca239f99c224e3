// Open follow-ups across projects (task.list done=false, with each one's project name): the user's
// own (and unassigned ones) or everybody's; read again after each change made on the screen.
import { useCallback, useEffect, useState } from 'react';
import type { TaskRecord } from '../../../domain/entities';
import { call, errorText } from '../api/client';

export type OpenTask = TaskRecord & { projectName: string | null };

export interface OpenTasks {
  tasks: OpenTask[] | null;
  error: string | null;
  reload: () => void;
}

export function useOpenTasks(mine: boolean): OpenTasks {
  const [reloads, setReloads] = useState(0);
  const [result, setResult] = useState<{ tasks: OpenTask[] | null; error: string | null }>({
    tasks: null,
    error: null,
  });

  useEffect(() => {
    let live = true;
    call('task.list', { done: false, mine }).then(
      (tasks) => live && setResult({ tasks, error: null }),
      (e: unknown) => live && setResult((prev) => ({ tasks: prev.tasks, error: errorText(e) })),
    );
    return () => {
      live = false;
    };
  }, [reloads, mine]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { ...result, reload };
}
