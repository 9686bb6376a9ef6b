import { MedusaError } from "@medusajs/framework/utils"
import { DistributorStatus } from "../constants"
import { Refusal } from "./refusal"

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

/**
 * Whether `node` may move under `parent` (null: to the top), or why not: not
 * where it already is, never under itself or its own team (a cycle), only
 * under an active distributor.
 */
export function moveRefusal(
  node: { id: string; path: string; parent_id: string | null },
  parentId: string | null,
  parent: { id: string; path: string; status: DistributorStatus } | null
): Refusal | null {
  if (parentId === node.parent_id) {
    return {
      type: MedusaError.Types.CONFLICT,
      message: parentId ? "The distributor is already under that parent" : "The distributor is already at the top of the tree",
    }
  }
  if (!parent) {
    return null
  }
  if (parent.id === node.id || isWithinSubtree(parent.path, node.path)) {
    return {
      type: MedusaError.Types.NOT_ALLOWED,
      message: "A distributor cannot be moved under itself or under one of its own team: that would make a cycle",
    }
  }
  if (parent.status !== DistributorStatus.ACTIVE) {
    return {
      type: MedusaError.Types.NOT_ALLOWED,
      message: `The new parent must be an active distributor (its status is ${parent.status})`,
    }
  }
  return null
}
