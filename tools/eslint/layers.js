// @ts-check
/**
 * ESLint rule `samrad/layers`: imports point inward only (ADR 0001).
 *
 *   entries → views → core;  graph → core;  hosts → core;  cli → core
 *
 * A file's layer is the folder right below the last `src/` in its path. A relative import is resolved and its
 * layer checked against the table; a package import is checked against the packages a layer may use. The
 * sandbox (a local Microsoft 365) is never imported from src/.
 */
import path from 'node:path';

/** Which layers each layer may import from (itself included). */
const ALLOWED_LAYERS = {
  core: ['core'],
  graph: ['graph', 'core'],
  hosts: ['hosts', 'core'],
  views: ['views', 'core'],
  cli: ['cli', 'core'],
  entries: ['entries', 'views', 'graph', 'hosts', 'core'],
};

/** Packages each layer may NOT import, or (for core) the only ones it may. */
const CORE_PACKAGES = ['zod'];
const HOST_PACKAGES = [
  '@microsoft/teams-js',
  '@microsoft/office-js',
  '@azure/msal-browser',
  '@microsoft/live-share',
  'fluid-framework',
  '@fluidframework/azure-client',
  '@fluidframework/test-client-utils',
];
const GRAPH_PACKAGES = ['@microsoft/microsoft-graph-client', '@microsoft/microsoft-graph-types'];
const UI_PACKAGES = ['react', 'react-dom', '@fluentui/react-components', '@fluentui/react-icons'];

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function layerOf(file) {
  const segments = file.split(path.sep);
  const at = segments.lastIndexOf('src');
  if (at < 0) return { layer: undefined, srcRoot: undefined };
  return { layer: segments[at + 1], srcRoot: segments.slice(0, at + 1).join(path.sep) };
}

/** @type {import('eslint').Rule.RuleModule} */
const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports point inward only: entries → views → core; graph, hosts, cli → core.' },
    schema: [],
    messages: {
      layer:
        '{{from}} may not import {{to}} ({{specifier}}): imports point inward only (docs/adr/0001-layers-and-import-rules.md).',
      sandbox: 'src/ never imports the sandbox ({{specifier}}): it is a local Microsoft 365 for the workbench and tests only.',
      corePackage: 'core imports nothing but core and {{allowed}}, not {{name}}: keep the domain free of UI, hosts and I/O.',
      forbiddenPackage: '{{from}} may not import {{name}}: {{why}}',
    },
  },
  create(context) {
    const file = context.filename;
    const { layer, srcRoot } = layerOf(file);
    if (layer === undefined || srcRoot === undefined || !(layer in ALLOWED_LAYERS)) return {};
    const allowed = ALLOWED_LAYERS[/** @type {keyof typeof ALLOWED_LAYERS} */ (layer)];

    /** @param {import('estree').Node} node @param {string} specifier */
    function check(node, specifier) {
      if (specifier.startsWith('.')) {
        const target = path.resolve(path.dirname(file), specifier);
        const relative = path.relative(srcRoot, target);
        if (relative.startsWith('..')) {
          if (relative.split(path.sep).includes('sandbox')) {
            context.report({ node, messageId: 'sandbox', data: { specifier } });
          } else {
            context.report({ node, messageId: 'layer', data: { from: layer, to: 'code outside src/', specifier } });
          }
          return;
        }
        const targetLayer = relative.split(path.sep)[0] ?? '';
        if (!allowed.includes(targetLayer)) {
          context.report({ node, messageId: 'layer', data: { from: layer, to: targetLayer, specifier } });
        }
        return;
      }
      const name = packageName(specifier.replace(/^node:/, 'node:'));
      if (layer === 'core') {
        if (!CORE_PACKAGES.includes(name)) {
          context.report({ node, messageId: 'corePackage', data: { name, allowed: CORE_PACKAGES.join(', ') } });
        }
        return;
      }
      if (
        layer === 'views' &&
        (HOST_PACKAGES.includes(name) || name.startsWith('@fluidframework/') || GRAPH_PACKAGES.includes(name))
      ) {
        context.report({
          node,
          messageId: 'forbiddenPackage',
          data: { from: layer, name, why: 'views take the host and the ports from context; only entries wire them.' },
        });
      }
      if ((layer === 'graph' || layer === 'hosts' || layer === 'cli') && UI_PACKAGES.includes(name)) {
        context.report({ node, messageId: 'forbiddenPackage', data: { from: layer, name, why: 'UI belongs in views.' } });
      }
      if (layer !== 'graph' && layer !== 'entries' && GRAPH_PACKAGES.includes(name)) {
        context.report({
          node,
          messageId: 'forbiddenPackage',
          data: { from: layer, name, why: 'Graph types stay in src/graph/.' },
        });
      }
      if (layer !== 'hosts' && layer !== 'entries' && (HOST_PACKAGES.includes(name) || name.startsWith('@fluidframework/'))) {
        context.report({
          node,
          messageId: 'forbiddenPackage',
          data: { from: layer, name, why: 'only src/hosts/ touches Office, Teams and MSAL.' },
        });
      }
    }

    /** @param {any} node */
    const fromSource = (node) => {
      if (node.source && typeof node.source.value === 'string') check(node, node.source.value);
    };
    return {
      ImportDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ImportExpression(node) {
        if (node.source.type === 'Literal' && typeof node.source.value === 'string') check(node, node.source.value);
      },
    };
  },
};

export default { rules: { layers: layersRule } };
