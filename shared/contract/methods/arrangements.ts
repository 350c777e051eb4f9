import { z } from 'zod';
import { method } from '../define';
import { id } from '../../domain/primitives';
import {
  arrangementContinueInput, arrangementCreateInput, arrangementEndInput, arrangementProposeInput, type ArrangementProposal, type ArrangementView,
} from '../../domain/arrangement';

/** Payment arrangements (betalingsregeling): propose, agree, follow, end (vervalbeding) or continue. */
export const arrangementMethods = {
  'arrangements.propose': method<ArrangementProposal>()(arrangementProposeInput,
    'What an arrangement for this customer would be: open principal plus interest and costs so far (each optional), and the schedule for a number of installments or an amount per installment. Writes nothing.'),
  'arrangements.create': method<ArrangementView>()(arrangementCreateInput,
    'Agree an arrangement: the plan and its installments in one transaction, and an event on the timeline. Refused (nothing changed) when one is running, nothing is open, or the schedule is not valid.'),
  'arrangements.list': method<ArrangementView[]>()(z.object({ debtorId: id }).strict(),
    'The customer\'s arrangements, newest first, each installment paid, due, upcoming or missed. Records a completed arrangement and a missed installment (once).'),
  'arrangements.get': method<ArrangementView>()(z.object({ planId: id }).strict(), 'One arrangement with the state of every installment.'),
  'arrangements.end': method<ArrangementView>()(arrangementEndInput,
    'End an arrangement (vervalbeding): the remainder falls due at once and the collection plan resumes. Recorded on the timeline.'),
  'arrangements.continue': method<ArrangementView>()(arrangementContinueInput,
    'Give room after a missed installment: it moves to a new date (before the next installment) and the arrangement continues. Recorded on the timeline; documents already sent stay as they were.'),
};
