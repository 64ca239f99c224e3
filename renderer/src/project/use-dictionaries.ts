// dictionary.list for the project form's pickers (承接平台, 产业, 展会届次, 招商责任人). A failure
// leaves the lists empty: the fields still take typed text.
import { useEffect, useState } from 'react';
import type { Dictionaries } from '../../../domain/contract';
import { call } from '../api/client';

const none: Dictionaries = {
  offices: [],
  promoters: [],
  platforms: [],
  industries: [],
  fairEditions: [],
};

export function useDictionaries(): Dictionaries {
  const [dictionaries, setDictionaries] = useState<Dictionaries>(none);
  useEffect(() => {
    let live = true;
    call('dictionary.list').then(
      (d) => live && setDictionaries(d),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return dictionaries;
}
