import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createClient } from './client/client';
import { ClientProvider } from './client/hooks';
import { chooseTransport } from './client/transport';
import './styles.css';
import './styles/kpis.css';
import './styles/kpi-chart.css';
import './styles/kpi-import.css';
import './styles/money.css';
import './styles/packs.css';
import './styles/bundles.css';

const client = createClient(chooseTransport());
// Data is local and refreshed by change events, so there is nothing to gain from refetching
// on focus or retrying a request that the services refused.
const queries = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false, retry: false, staleTime: Infinity } },
});

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <ClientProvider client={client}>
      <QueryClientProvider client={queries}>
        <App />
      </QueryClientProvider>
    </ClientProvider>
  </StrictMode>,
);
