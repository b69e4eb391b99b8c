/// <reference types="vite/client" />
import type { InterviewApi } from '../../shared/api';

declare global {
  interface Window {
    /** Present only inside the Electron app (the preload's bridge). */
    interview?: InterviewApi;
  }
}
