// @ts-check
// The page's side of the labs worker (worker.js): jobs as promises with progress callbacks.

export class LabsWorker {
  constructor() {
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.nextId = 1;
    /** @type {Map<number, {onMessage: (m: any) => void, resolve: (v: any) => void, reject: (e: Error) => void}>} */
    this.jobs = new Map();
    /** @type {Promise<any>} the catalogs, once the core is loaded */
    this.ready = new Promise((resolve, reject) => {
      this.worker.addEventListener('error', (e) => reject(new Error(e.message || 'The labs worker failed to start')));
      this.worker.addEventListener('message', (event) => {
        const m = event.data;
        if (m.type === 'ready') { resolve(m); return; }
        const job = this.jobs.get(m.id);
        if (!job) return;
        if (m.type === 'done') { this.jobs.delete(m.id); job.resolve(m); }
        else if (m.type === 'error') { this.jobs.delete(m.id); job.reject(new Error(m.message)); }
        else job.onMessage(m);
      });
    });
  }

  /**
   * Starts a job; a newer job supersedes any running one (its promise then never settles: callers track ids).
   * @param {string} type @param {Record<string, any>} payload @param {(m: any) => void} [onMessage]
   * @returns {{ id: number, promise: Promise<any> }}
   */
  run(type, payload, onMessage = () => {}) {
    const id = this.nextId++;
    for (const [oldId, job] of this.jobs) { this.jobs.delete(oldId); job.reject(new Error('superseded')); }
    const promise = new Promise((resolve, reject) => this.jobs.set(id, { onMessage, resolve, reject }));
    this.worker.postMessage({ id, type, ...payload });
    return { id, promise };
  }

  stop() {
    for (const [oldId, job] of this.jobs) { this.jobs.delete(oldId); job.reject(new Error('stopped')); }
    this.worker.postMessage({ type: 'stop' });
  }
}
