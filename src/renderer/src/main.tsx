import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { NoAccessScreen } from './screens/NoAccessScreen';
import { pickTransport } from './transport/pick-transport';
import './styles.css';

const choice = pickTransport();
createRoot(document.getElementById('root')!).render(
  <StrictMode>{choice.ok ? <App transport={choice.transport} /> : <NoAccessScreen />}</StrictMode>,
);
