// dictionary.list for the project form's pickers (承接平台, 产业, 展会届次, 招商责任人). A failure
// leaves the lists empty: the fields still take typed text.
import type { Dictionaries } from '../../../domain/contract';
import { call } from '../api/client';
import { useLoad } from '../ui/use-load';

const none: Dictionaries = {
  offices: [],
  promoters: [],
  platforms: [],
  industries: [],
  fairEditions: [],
};

export function useDictionaries(): Dictionaries {
  return useLoad(() => call('dictionary.list'), []).data ?? none;
}
