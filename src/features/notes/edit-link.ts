/**
 * Where a contributor edits a page: the repository host's web editor for the
 * page's source file. Pure, so any path (nested folders, spaces, non-ASCII) is
 * unit-tested.
 */
export interface Repository {
  /** Web URL of the repository, e.g. https://github.com/owner/name. */
  url: string;
  branch: string;
}

function encodePath(path: string): string {
  return path
    .split('/')
    .filter((segment) => segment.length > 0 && segment !== '.')
    .map(encodeURIComponent)
    .join('/');
}

/** GitHub's web editor URL for a file, given its path from the repository root. */
export function editUrl(repository: Repository, filePath: string): string {
  const root = repository.url.replace(/\/+$/, '');
  return `${root}/edit/${encodePath(repository.branch)}/${encodePath(filePath.replaceAll('\\', '/'))}`;
}
