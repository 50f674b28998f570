// Keyed list rendering without a framework: one DOM node per key, created once, updated in place (the update callback
// uses setText, so unchanged text costs nothing), removed when its key goes, and moved only when the order changed.

/**
 * keyed(container, items, item => key, item => node, (node, item) => void)
 * Nodes are remembered on the container; returns the Map key -> node.
 */
export function keyed(container, items, keyOf, create, update) {
  const nodes = container.__keyed ?? (container.__keyed = new Map());
  const wanted = new Set();
  const order = [];
  for (const item of items) {
    const key = String(keyOf(item));
    wanted.add(key);
    let node = nodes.get(key);
    if (!node) {
      node = create(item);
      nodes.set(key, node);
    }
    update(node, item);
    order.push(node);
  }
  for (const [key, node] of nodes) {
    if (!wanted.has(key)) {
      node.remove();
      nodes.delete(key);
    }
  }
  // move nodes only where the order differs (appendChild of a node in place would still cost a layout)
  let cursor = container.firstElementChild;
  for (const node of order) {
    if (node === cursor) {
      cursor = cursor.nextElementSibling;
    } else {
      container.insertBefore(node, cursor);
    }
  }
  return nodes;
}

/** Sets a CSS custom property only when it changed. */
export function setVar(node, name, value) {
  const text = String(value);
  if (node.style.getPropertyValue(name) !== text) node.style.setProperty(name, text);
}

/** Sets an attribute only when it changed. */
export function setAttr(node, name, value) {
  const text = String(value);
  if (node.getAttribute(name) !== text) node.setAttribute(name, text);
}

/** Adds or removes a class only when needed. */
export function setClass(node, name, on) {
  if (node.classList.contains(name) !== Boolean(on)) node.classList.toggle(name, Boolean(on));
}
