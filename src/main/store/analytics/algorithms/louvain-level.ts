/**
 * One level of Louvain: a weighted undirected graph without self entries in its rows; a node's
 * self-loop weight (A_ii, each loop counted twice as in its degree) is kept in `loop`.
 */
export interface Level {
  n: number
  offsets: Uint32Array
  targets: Int32Array
  weights: Float64Array
  loop: Float64Array
  /** Weighted degree: the row's sum plus the loop. */
  strength: Float64Array
}

export function levelOf(offsets: Uint32Array, targets: Int32Array, weights: Float64Array): Level {
  const n = offsets.length - 1
  const loop = new Float64Array(n)
  const strength = new Float64Array(n)
  const keptOffsets = new Uint32Array(n + 1)
  const keptTargets = new Int32Array(targets.length)
  const keptWeights = new Float64Array(targets.length)
  let at = 0
  for (let i = 0; i < n; i++) {
    keptOffsets[i] = at
    for (let s = offsets[i]!; s < offsets[i + 1]!; s++) {
      const w = weights[s]!
      strength[i]! += w
      if (targets[s] === i) loop[i]! += w
      else {
        keptTargets[at] = targets[s]!
        keptWeights[at++] = w
      }
    }
  }
  keptOffsets[n] = at
  return { n, offsets: keptOffsets, targets: keptTargets.slice(0, at), weights: keptWeights.slice(0, at), loop, strength }
}

/** The graph of communities: one node per community (0 .. count - 1), weights summed. */
export function aggregate(level: Level, community: Int32Array, count: number): Level {
  const members = new Uint32Array(count + 1)
  for (let i = 0; i < level.n; i++) members[community[i]! + 1]!++
  for (let c = 0; c < count; c++) members[c + 1] = members[c + 1]! + members[c]!
  const fill = members.slice(0, count)
  const byCommunity = new Int32Array(level.n)
  for (let i = 0; i < level.n; i++) byCommunity[fill[community[i]!]!++] = i
  const loop = new Float64Array(count)
  const strength = new Float64Array(count)
  const weightTo = new Float64Array(count)
  const seen = new Int32Array(count).fill(-1)
  const touched: number[] = []
  const offsets = new Uint32Array(count + 1)
  let targets = new Int32Array(Math.max(16, level.targets.length))
  let weights = new Float64Array(targets.length)
  let at = 0
  for (let c = 0; c < count; c++) {
    offsets[c] = at
    touched.length = 0
    for (let m = members[c]!; m < members[c + 1]!; m++) {
      const i = byCommunity[m]!
      loop[c]! += level.loop[i]!
      strength[c]! += level.strength[i]!
      for (let s = level.offsets[i]!; s < level.offsets[i + 1]!; s++) {
        const d = community[level.targets[s]!]!
        const w = level.weights[s]!
        if (d === c) loop[c]! += w
        else {
          if (seen[d] !== c) {
            seen[d] = c
            weightTo[d] = 0
            touched.push(d)
          }
          weightTo[d]! += w
        }
      }
    }
    if (at + touched.length > targets.length) {
      const size = Math.max(targets.length * 2, at + touched.length)
      const t = new Int32Array(size)
      t.set(targets)
      const w = new Float64Array(size)
      w.set(weights)
      targets = t
      weights = w
    }
    for (const d of touched) {
      targets[at] = d
      weights[at++] = weightTo[d]!
    }
  }
  offsets[count] = at
  return { n: count, offsets, targets: targets.slice(0, at), weights: weights.slice(0, at), loop, strength }
}
