import { describe, expect, it } from 'vitest'
import { newEdge, newNode } from '../../../src/shared/domain.ts'
import { domGraph } from '../../../scripts/sample-graph/dom-graph/dom-graph.ts'
import { parseLibDom } from '../../../scripts/sample-graph/dom-graph/parse-lib-dom.ts'

// A miniature lib.dom.d.ts, written the way TypeScript's generator writes the real one.
const LIB = `
/**
 * The **\`EventTarget\`** interface is implemented by objects that can receive events. It has listeners.
 *
 * [MDN Reference](https://developer.mozilla.org/docs/Web/API/EventTarget)
 */
interface EventTarget {
    addEventListener(type: string, callback: EventListener | null, options?: AddEventListenerOptions | boolean): void;
    dispatchEvent(event: Event): boolean;
}

declare var EventTarget: {
    prototype: EventTarget;
    new(): EventTarget;
};

interface AddEventListenerOptions {
    once?: boolean;
}

interface EventListener {
    (evt: Event): void;
}

interface Event {
    readonly target: EventTarget | null;
}

interface MouseEvent extends Event {
    readonly button: number;
}

interface GadgetEventMap {
    "click": MouseEvent;
    "close": Event;
}

/** A gadget holds \`parts\` (see {@link Part}). */
interface Gadget extends EventTarget {
    mode: GadgetMode;
    readonly parts: ReadonlyArray<Part>;
    get owner(): Gadget | null;
    onclick: ((this: Gadget, ev: MouseEvent) => any) | null;
    find<T extends Part>(name: string, like: T): Promise<Part | null>;
    addEventListener<K extends keyof GadgetEventMap>(type: K, listener: (this: Gadget, ev: GadgetEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
}

/**
 * The **\`Part\`** of a gadget.
 * @deprecated
 *
 * [MDN Reference](https://developer.mozilla.org/docs/Web/API/Part)
 */
interface Part {
    readonly name: string;
}

declare var Part: {
    prototype: Part;
    new(gadget: Gadget): Part;
    from(event: Event): Part;
};

type GadgetMode = "off" | "on";
type PartOrEvent = Part | Event;

/** Makes a gadget. */
declare function makeGadget(mode: GadgetMode): Gadget;
declare function makeGadget(): Gadget;
declare var gadget: Gadget;

declare namespace Kit {
    interface Box {
        readonly part: Part;
        readonly inner: Box;
    }
    var Box: {
        prototype: Box;
        new(): Box;
    };
    function open(box: Box): void;
}
`

const members = (...names: string[]) => ({ members: names, memberCount: names.length })
const noDoc = { deprecated: false }
const counts = (properties: number, methods: number, events: number, global: boolean) => ({ properties, methods, events, global })

describe('the DOM graph read from lib.dom.d.ts declarations', () => {
  const graph = domGraph(parseLibDom(LIB))

  it('has a node for each interface, type alias, global and event, with what its JSDoc says', () => {
    expect(graph.nodes).toEqual([
      { key: 'dom-event:click', type: 'event', label: 'click', properties: { firedBy: 1 } },
      { key: 'dom-event:close', type: 'event', label: 'close', properties: { firedBy: 1 } },
      { key: 'dom-global:Kit.open', type: 'global', label: 'Kit.open', properties: { kind: 'function', ...noDoc } },
      { key: 'dom-global:gadget', type: 'global', label: 'gadget', properties: { kind: 'variable', ...noDoc } },
      {
        key: 'dom-global:makeGadget',
        type: 'global',
        label: 'makeGadget',
        properties: { kind: 'function', ...noDoc, description: 'Makes a gadget.' },
      },
      {
        key: 'dom-type:GadgetMode',
        type: 'type_alias',
        label: 'GadgetMode',
        properties: { kind: 'string literals', values: 2, examples: ['off', 'on'], ...noDoc },
      },
      { key: 'dom-type:PartOrEvent', type: 'type_alias', label: 'PartOrEvent', properties: { kind: 'union', values: 0, ...noDoc } },
      { key: 'dom:AddEventListenerOptions', type: 'interface', label: 'AddEventListenerOptions', properties: { ...counts(1, 0, 0, false), ...noDoc } },
      { key: 'dom:Event', type: 'interface', label: 'Event', properties: { ...counts(1, 0, 0, false), ...noDoc } },
      { key: 'dom:EventListener', type: 'interface', label: 'EventListener', properties: { ...counts(0, 0, 0, false), ...noDoc } },
      {
        key: 'dom:EventTarget',
        type: 'interface',
        label: 'EventTarget',
        properties: {
          ...counts(0, 2, 0, true),
          ...noDoc,
          description: 'The EventTarget interface is implemented by objects that can receive events.',
          mdn: 'https://developer.mozilla.org/docs/Web/API/EventTarget',
        },
      },
      {
        key: 'dom:Gadget',
        type: 'interface',
        label: 'Gadget',
        // addEventListener is EventTarget's: Gadget's typed overload is not counted.
        properties: { ...counts(4, 1, 2, false), ...noDoc, description: 'A gadget holds parts (see Part).' },
      },
      { key: 'dom:Kit.Box', type: 'interface', label: 'Kit.Box', properties: { ...counts(2, 0, 0, true), ...noDoc } },
      { key: 'dom:MouseEvent', type: 'interface', label: 'MouseEvent', properties: { ...counts(1, 0, 0, false), ...noDoc } },
      {
        key: 'dom:Part',
        type: 'interface',
        label: 'Part',
        properties: {
          ...counts(1, 0, 0, true),
          deprecated: true,
          description: 'The Part of a gadget.',
          mdn: 'https://developer.mozilla.org/docs/Web/API/Part',
        },
      },
    ])
  })

  it('links inheritance, the types members mention, and the events each interface fires', () => {
    expect(graph.edges).toEqual([
      { source: 'dom-event:click', target: 'dom:MouseEvent', type: 'delivered_as', properties: { firedBy: 1 } },
      { source: 'dom-event:close', target: 'dom:Event', type: 'delivered_as', properties: { firedBy: 1 } },
      { source: 'dom-global:Kit.open', target: 'dom:Kit.Box', type: 'takes', properties: {} },
      { source: 'dom-global:gadget', target: 'dom:Gadget', type: 'has_type', properties: {} },
      { source: 'dom-global:makeGadget', target: 'dom-type:GadgetMode', type: 'takes', properties: {} },
      { source: 'dom-global:makeGadget', target: 'dom:Gadget', type: 'returns', properties: {} },
      { source: 'dom-type:PartOrEvent', target: 'dom:Event', type: 'refers_to', properties: {} },
      { source: 'dom-type:PartOrEvent', target: 'dom:Part', type: 'refers_to', properties: {} },
      { source: 'dom:Event', target: 'dom:EventTarget', type: 'has_property_of_type', properties: members('target') },
      { source: 'dom:EventListener', target: 'dom:Event', type: 'takes', properties: members('()') },
      { source: 'dom:EventTarget', target: 'dom:AddEventListenerOptions', type: 'takes', properties: members('addEventListener') },
      { source: 'dom:EventTarget', target: 'dom:Event', type: 'takes', properties: members('dispatchEvent') },
      { source: 'dom:EventTarget', target: 'dom:EventListener', type: 'takes', properties: members('addEventListener') },
      { source: 'dom:Gadget', target: 'dom-event:click', type: 'fires', properties: { interface: 'MouseEvent' } },
      { source: 'dom:Gadget', target: 'dom-event:close', type: 'fires', properties: { interface: 'Event' } },
      { source: 'dom:Gadget', target: 'dom-type:GadgetMode', type: 'has_property_of_type', properties: members('mode') },
      { source: 'dom:Gadget', target: 'dom:EventTarget', type: 'extends', properties: {} },
      { source: 'dom:Gadget', target: 'dom:MouseEvent', type: 'has_property_of_type', properties: members('onclick') },
      { source: 'dom:Gadget', target: 'dom:Part', type: 'has_property_of_type', properties: members('parts') },
      { source: 'dom:Gadget', target: 'dom:Part', type: 'returns', properties: members('find') },
      { source: 'dom:Kit.Box', target: 'dom:Part', type: 'has_property_of_type', properties: members('part') },
      { source: 'dom:MouseEvent', target: 'dom:Event', type: 'extends', properties: {} },
      // Part's global: its static method and its constructor.
      { source: 'dom:Part', target: 'dom:Event', type: 'takes', properties: members('from') },
      { source: 'dom:Part', target: 'dom:Gadget', type: 'takes', properties: members('new()') },
    ])
  })

  it('holds rows that the contract accepts, and no edge to a missing node', () => {
    const keys = new Set(graph.nodes.map((node) => node.key))
    for (const node of graph.nodes) expect(newNode.safeParse(node).success, node.key).toBe(true)
    for (const edge of graph.edges) {
      expect(newEdge.safeParse(edge).success, `${edge.source} → ${edge.target}`).toBe(true)
      expect(keys.has(edge.source) && keys.has(edge.target), `${edge.source} → ${edge.target}`).toBe(true)
    }
  })

  it('merges an interface declared twice, and lists at most five members per edge', () => {
    const properties = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => `${name}: Target;`)
    const merged = domGraph(
      parseLibDom(`interface Target {}
interface Box extends Target { ${properties.slice(0, 3).join(' ')} }
interface Box { ${properties.slice(3).join(' ')} make(): Target; }`),
    )
    expect(merged.nodes.find((node) => node.key === 'dom:Box')?.properties).toMatchObject({ properties: 6, methods: 1 })
    expect(merged.edges).toEqual([
      { source: 'dom:Box', target: 'dom:Target', type: 'extends', properties: {} },
      { source: 'dom:Box', target: 'dom:Target', type: 'has_property_of_type', properties: { members: ['a', 'b', 'c', 'd', 'e'], memberCount: 6 } },
      { source: 'dom:Box', target: 'dom:Target', type: 'returns', properties: members('make') },
    ])
  })
})
