import { computed, ref, watch, type ComputedRef, type Ref } from 'vue';
import { lang } from '../i18n';
import { unitTree, type UnitNode } from '../units';

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

/** The name of a unit of the account's scope ('' until the tree is there), in the current language. */
export function unitName(id: () => string | undefined): ComputedRef<string> {
  const names = unitNames();
  return computed(() => names.value.get(id() ?? '') ?? '');
}
