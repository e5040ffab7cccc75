import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/shared/theme.css';
import '@/components/panel/panel.css';
import '@/components/dashboard/dashboard.css';
import { DashboardApp } from '@/components/dashboard/App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DashboardApp />
  </StrictMode>,
);
