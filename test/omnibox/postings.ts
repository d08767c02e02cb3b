// Search inputs written for the address-bar tests (never copied from the real corpus).
import type { SearchInput } from '../../src/search/types';

let next = 0;
export function input(overrides: Partial<SearchInput> & Pick<SearchInput, 'title'>): SearchInput {
  next += 1;
  const id = overrides.id ?? `2024-05-${String((next % 28) + 1).padStart(2, '0')}-offre-${next}`;
  return {
    key: `test ${id}`,
    id,
    fileName: `${id}.md`,
    sourceId: 'test',
    startupRef: null,
    startupId: null,
    startupName: null,
    startupPitch: null,
    domaines: [],
    techno: [],
    contract: null,
    junior: false,
    date: `2024-05-${String((next % 28) + 1).padStart(2, '0')}`,
    openFlag: true,
    depublicationDate: null,
    applicationDeadline: null,
    body: 'Une équipe publique construit un service numérique avec les usagers.',
    ...overrides,
  };
}

export const NOW = new Date('2024-06-01T10:00:00Z');
