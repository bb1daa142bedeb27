/** Seed 001's "Opciones de Envío de Información": every kind, or only the selected ones. */
export function offeredFor(link: { offeredForAll: boolean; documentKinds: string[] }, documentKind: string): boolean {
  return link.offeredForAll || link.documentKinds.includes(documentKind);
}
