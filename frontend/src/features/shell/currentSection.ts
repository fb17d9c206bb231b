import { useMatches } from 'react-router';
import { SECTIONS, type Section, type SectionKey } from './sections';

/** Route handle that ties a route to its section of the main menu. */
export interface SectionHandle {
  section: SectionKey;
}

function isSectionHandle(handle: unknown): handle is SectionHandle {
  return typeof handle === 'object' && handle !== null && 'section' in handle;
}

/** The section of the deepest matched route, if any. */
export function useCurrentSection(): Section | null {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i -= 1) {
    const handle = matches[i]?.handle;
    if (isSectionHandle(handle)) return SECTIONS[handle.section];
  }
  return null;
}
