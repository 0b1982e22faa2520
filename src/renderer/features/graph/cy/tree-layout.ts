/**
 * A breadth-first tree layout that stays readable on hubs: each connected component grows from its
 * root (the preferred node if the component holds it, else its highest-degree node), one band per
 * level, children after their parents; a level wider than a few dozen nodes wraps onto more rows
 * instead of stretching into one long line. Components are packed onto shelves, biggest first.
 * Works on indices so that it can be tested without a view; sizes are each node's box (label included
 * where it needs room).
 */
export interface TreeInput {
  count: number
  links: ArrayLike<number>
  width: ArrayLike<number>
  height: ArrayLike<number>
  /** Index of the node to root its component at, or -1. */
  preferredRoot: number
  gap: number
}

interface Block {
  /** Node indices and their offsets from the block's top-left corner. */
  members: number[]
  dx: number[]
  dy: number[]
  width: number
  height: number
}

function adjacency(count: number, links: ArrayLike<number>): number[][] {
  const lists: number[][] = Array.from({ length: count }, () => [])
  for (let l = 0; l + 1 < links.length; l += 2) {
    const s = links[l] as number, t = links[l + 1] as number
    if (s === t) continue
    lists[s]!.push(t)
    lists[t]!.push(s)
  }
  return lists
}

/** Breadth-first levels from `root`, each level in the order its parents were placed. */
function levelsFrom(root: number, neighbours: number[][], seen: Uint8Array): number[][] {
  const levels: number[][] = [[root]]
  seen[root] = 1
  for (;;) {
    const next: number[] = []
    for (const node of levels.at(-1)!) {
      for (const other of neighbours[node]!) {
        if (seen[other]) continue
        seen[other] = 1
        next.push(other)
      }
    }
    if (next.length === 0) return levels
    levels.push(next)
  }
}

function layOutComponent(levels: number[][], input: TreeInput): Block {
  const { width, height, gap } = input
  // Rows about as wide as a 16:10 block holding the component would be; wider levels wrap.
  let area = 0
  for (const level of levels) for (const node of level) area += ((width[node] as number) + gap) * ((height[node] as number) + gap * 2)
  const maxRowWidth = Math.max(Math.sqrt(area * 1.6), ...levels.flat().map((node) => width[node] as number))
  const rows: { nodes: number[]; level: number }[] = []
  levels.forEach((level, depth) => {
    let row: number[] = []
    let used = 0
    for (const node of level) {
      const needed = (width[node] as number) + gap
      if (row.length > 0 && used + needed > maxRowWidth) {
        rows.push({ nodes: row, level: depth })
        row = []
        used = 0
      }
      row.push(node)
      used += needed
    }
    rows.push({ nodes: row, level: depth })
  })
  const rowWidth = (row: number[]) => row.reduce((sum, node) => sum + (width[node] as number) + gap, -gap)
  const blockWidth = Math.max(...rows.map((row) => rowWidth(row.nodes)))
  const block: Block = { members: [], dx: [], dy: [], width: blockWidth, height: 0 }
  let top = 0
  rows.forEach((row, r) => {
    // Levels are set further apart than the rows a wide level wraps onto.
    if (r > 0) top += rows[r - 1]!.level === row.level ? gap : gap * 4
    const rowHeight = Math.max(...row.nodes.map((node) => height[node] as number))
    let left = (blockWidth - rowWidth(row.nodes)) / 2
    for (const node of row.nodes) {
      block.members.push(node)
      block.dx.push(left + (width[node] as number) / 2)
      block.dy.push(top + rowHeight / 2)
      left += (width[node] as number) + gap
    }
    top += rowHeight
  })
  block.height = top
  return block
}

export function treeLayout(input: TreeInput): Float64Array {
  const { count, links, preferredRoot, gap } = input
  const neighbours = adjacency(count, links)
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => neighbours[b]!.length - neighbours[a]!.length || a - b)
  const seen = new Uint8Array(count)
  const blocks: Block[] = []
  const roots = preferredRoot >= 0 && preferredRoot < count ? [preferredRoot, ...order] : order
  for (const root of roots) if (!seen[root]) blocks.push(layOutComponent(levelsFrom(root, neighbours, seen), input))

  // Shelves about as wide as a 16:10 rectangle holding every block.
  const area = blocks.reduce((sum, block) => sum + (block.width + gap * 4) * (block.height + gap * 4), 0)
  const shelfWidth = Math.max(Math.sqrt(area * 1.6), ...blocks.map((block) => block.width))
  const positions = new Float64Array(count * 2)
  let x = 0, y = 0, shelfHeight = 0
  for (const block of blocks) {
    if (x > 0 && x + block.width > shelfWidth) {
      x = 0
      y += shelfHeight + gap * 4
      shelfHeight = 0
    }
    block.members.forEach((node, i) => {
      positions[2 * node] = x + block.dx[i]!
      positions[2 * node + 1] = y + block.dy[i]!
    })
    x += block.width + gap * 4
    shelfHeight = Math.max(shelfHeight, block.height)
  }
  return positions
}
