/** Task queues of the worker. One queue for now; split when workloads need separate scaling. */
export const MAIN_TASK_QUEUE = 'cobranza-main';
