import { useState } from 'react';

/**
 * How every view runs a change through the background: the failure to show (cleared when the
 * next change starts) and, on success, `onSaved` with the words to announce. The views show the
 * result by themselves, since they follow the database live. `save` resolves whether it saved.
 */
export function useSave(onSaved: (done: string | undefined) => void = () => undefined) {
  const [failure, setFailure] = useState<unknown>(null);
  const save = async (change: () => Promise<unknown>, done?: string): Promise<boolean> => {
    setFailure(null);
    try {
      await change();
      onSaved(done);
      return true;
    } catch (error) {
      setFailure(error);
      return false;
    }
  };
  return { save, failure };
}
