// Handing a claim to an incassobureau (issue 9): the check, the dossier export, the handover and
// what comes of it, and the user's algemene voorwaarden that go into every dossier.
export { checkHandover } from './check';
export { dossierOfHandover, exportDossier } from './dossier';
export { listAgencies, listHandovers, recordHandover, takeBackHandover, updateHandover } from './handovers';
export { getTerms, saveTerms } from './terms';
