import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { NoAccessScreen } from './screens/NoAccessScreen';
import { onAccessLink, pickTransport, type TransportChoice } from './transport/pick-transport';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
let connections = 0;
const show = (choice: TransportChoice): void => {
  connections += 1;
  // A new key starts the app afresh on the new transport: no call answer of the old one lingers.
  root.render(<StrictMode>{choice.ok ? <App key={connections} transport={choice.transport} /> : <NoAccessScreen />}</StrictMode>);
};

let current = pickTransport();
// Registered before the app's router, so the router sees the address once the token is out of it.
if (!window.interview) {
  onAccessLink((next) => {
    if (current.ok) current.transport.close();
    current = next;
    show(next);
  });
}
show(current);
