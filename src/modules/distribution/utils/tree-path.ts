/**
 * The materialised path of a distributor: `/<root>/.../<parent>/<self>/`.
 * Pure helpers; the service turns them into indexed SQL.
 */
export const ROOT_PATH = "/"

export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? ROOT_PATH}${id}/`
}

/** Ids of the ancestors, nearest first (parent, grandparent, ...). */
export function uplineIds(path: string, selfId: string): string[] {
  return path
    .split("/")
    .filter((id) => id.length > 0 && id !== selfId)
    .reverse()
}

/** True when `path` lies in the subtree rooted at the node whose path is `rootPath`. */
export function isWithinSubtree(path: string, rootPath: string): boolean {
  return path.startsWith(rootPath)
}

/** A LIKE pattern matching every path that starts with `prefix`, wildcards escaped. */
export function likePrefix(prefix: string): string {
  return prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + "%"
}
