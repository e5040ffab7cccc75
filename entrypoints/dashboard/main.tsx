import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/shared/palette.css';
import '../../components/shared/theme.css';
import '../../components/panel/panel.css';
import '../../components/dashboard/dashboard.css';
import { DashboardApp } from '../../components/dashboard/App';
import { followSystemTheme } from '../../components/shared/system-theme';

followSystemTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DashboardApp />
  </StrictMode>,
);
