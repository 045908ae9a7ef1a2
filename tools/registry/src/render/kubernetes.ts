import { generatedNotice, hashComment } from '../generated-notice';
import { hasDatabase, networkGraphqlUrl, subgraphUrlVariable, type Registry, type Service } from '../registry';

/** Where an app's two generated files live: k8s/base/<name>/. */
export const kubernetesAppDir = (service: Service) => `k8s/base/${service.name}`;

/** The gateway's SUBGRAPH_URL_* variables, read by a configMapGenerator. */
export const SUBGRAPH_URLS_ENV = 'subgraph-urls.env';

const NOTICE = generatedNotice(hashComment);

// The gateway takes every subgraph's URL from a ConfigMap generated from subgraph-urls.env, appended
// to the envFrom that the service component gives every Deployment.
const gatewayAdditions = `configMapGenerator:
  - name: gateway-subgraph-urls
    envs:
      - ${SUBGRAPH_URLS_ENV}
patches:
  - target:
      kind: Deployment
    patch: |-
      - op: add
        path: /spec/template/spec/containers/0/envFrom/-
        value:
          configMapRef:
            name: gateway-subgraph-urls
`;

/** k8s/base/<name>/kustomization.yaml: the app's values and the components that turn them into objects. */
export function renderAppKustomization(service: Service): string {
  const components = ['service', ...(hasDatabase(service) ? ['database'] : [])];
  return [
    NOTICE,
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources:',
    '  - values.yaml',
    'components:',
    ...components.map((component) => `  - ../../components/${component}`),
    ...(service.kind === 'gateway' ? [gatewayAdditions] : ['']),
  ].join('\n');
}

/** k8s/base/<name>/values.yaml: what the components' replacements copy into names, labels, image and ports. */
export function renderAppValues(service: Service): string {
  return `${NOTICE}
# Read by the replacements of k8s/components; local to kustomize, never applied.
apiVersion: rekindle.dev/v1
kind: ServiceValues
metadata:
  name: ${service.name}-values
  annotations:
    config.kubernetes.io/local-config: "true"
spec:
  name: ${service.name}
  port: ${service.port}
  # The same port as a string, for environment variables and annotations.
  portString: "${service.port}"
`;
}

/** k8s/base/gateway/subgraph-urls.env: each subgraph's in-cluster URL. */
export function renderGatewaySubgraphUrls(registry: Registry): string {
  return [NOTICE, ...registry.subgraphs.map((s) => `${subgraphUrlVariable(s.name)}=${networkGraphqlUrl(s)}`), ''].join('\n');
}

/** The `resources:` entries of k8s/base/kustomization.yaml: one folder per app. */
export function renderBaseResources(registry: Registry): string {
  return registry.services.map((service) => `  - ${service.name}`).join('\n');
}
