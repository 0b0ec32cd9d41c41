import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
// The styles by area, in this order: a later file's rule wins over an earlier one's of the same weight
// (layout.css's phone padding over a card's, pages.css's login card over components.css's card).
import './styles/base.css';
import './styles/components.css';
import './styles/pages.css';
import './styles/layout.css';
import './styles/loyalty.css';
import './styles/settings.css';
import './styles/analytics.css';
import './styles/program-form.css';
import './styles/promotions.css';
import './styles/customer-actions.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
