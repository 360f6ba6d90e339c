import { ref, watch, type Ref } from 'vue';
import { lang } from '../i18n';
import { unitTree, type UnitNode } from '../units';

function find(nodes: UnitNode[], id: string): UnitNode | undefined {
  for (const node of nodes) {
    const found = node.value === id ? node : find(node.children, id);
    if (found) return found;
  }
  return undefined;
}

/**
 * The name of a unit of the account's scope, from the unit tree the pickers use (loaded once per page view, so
 * it never delays the page); '' until it is there, in the current language.
 */
export function unitName(id: () => string | undefined): Ref<string> {
  const name = ref('');
  watch(
    [id, lang],
    ([unit]) => {
      if (unit === undefined) return;
      // Without the tree the header still shows everything else; the name is a nicety, not the page.
      unitTree()
        .then((tree) => {
          name.value = find(tree, unit)?.label ?? '';
        })
        .catch(() => {
          name.value = '';
        });
    },
    { immediate: true },
  );
  return name;
}

function flatten(nodes: UnitNode[], into: Map<string, string>): Map<string, string> {
  for (const node of nodes) {
    into.set(node.value, node.label);
    flatten(node.children, into);
  }
  return into;
}

/** Every unit of the scope by id → name (empty until loaded), for lines that name units (the timeline). */
export function unitNames(): Ref<Map<string, string>> {
  const names = ref(new Map<string, string>());
  watch(
    lang,
    () => {
      unitTree()
        .then((tree) => {
          names.value = flatten(tree, new Map());
        })
        .catch(() => {
          names.value = new Map();
        });
    },
    { immediate: true },
  );
  return names;
}
