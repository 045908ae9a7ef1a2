import type { GraphiqlAssets } from './graphiql-assets';

export interface GraphiqlPageOptions {
  assets: GraphiqlAssets;
  /** Per-response CSP nonce that lets the one inline bootstrap script run. */
  nonce: string;
  /** Same-origin path of the GraphQL endpoint. */
  endpoint: string;
}

/** What a newcomer sees first: a query that answers on the demo data. */
const DEFAULT_QUERY = `# Welcome to Rekindle. Run this (Ctrl-Enter) to see how the customers split
# between active and silent, then open the Docs panel to explore the graph.
query Dormancy {
  dormancyOverview {
    totalCustomers
    silentShare
    byStage { stage customers }
    byRfmSegment { segment customers }
  }
  customers(first: 5, filter: { stages: [DEEP_DORMANT] }) {
    totalCount
    edges {
      node {
        externalId
        region
        lifecycle { stage daysInactive }
        rfm { segment recencyDays frequency monetary }
      }
    }
  }
}
`;

/** GraphiQL's own fetcher would add transport features; this one sends plain JSON POSTs plus the headers typed in the editor. */
const bootstrap = (endpoint: string) => `
const fetcher = async (params, options) => {
  const response = await fetch(${JSON.stringify(endpoint)}, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { ...(options && options.headers), 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(params),
  });
  return response.json();
};
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)} }),
);`;

export function renderGraphiqlPage({ assets, nonce, endpoint }: GraphiqlPageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rekindle GraphiQL</title>
<link rel="stylesheet" href="${assets.graphiqlCss.urlPath}">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="${assets.react.urlPath}"></script>
<script src="${assets.reactDom.urlPath}"></script>
<script src="${assets.graphiql.urlPath}"></script>
<script nonce="${nonce}">${bootstrap(endpoint)}
</script>
</body>
</html>
`;
}
