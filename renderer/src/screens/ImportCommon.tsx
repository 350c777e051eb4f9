// Shared by the Importeren screen's parts (Import.tsx, ImportInvoices.tsx).

export interface ChosenFile { fileName: string; dataBase64: string; extraFiles?: { fileName: string; dataBase64: string }[] }

