import { aggregateDocuments } from './aggregate';
import { addCollection } from './collection';
import type { ActionHandler } from './env';
import { calculateDocument, getDocument } from './get';
import { insertDocument } from './insert';
import { modifyDocument } from './modify';
import { removeDocument } from './remove';
import { abortTransaction, commitTransaction, startTransaction } from './transaction';

/** Every TCB admin database action the emulator answers, by its protocol name. */
export const ACTIONS: Record<string, ActionHandler> = {
  'database.insertDocument': insertDocument,
  'database.getDocument': getDocument,
  'database.calculateDocument': calculateDocument,
  'database.modifyDocument': modifyDocument,
  'database.removeDocument': removeDocument,
  'database.aggregateDocuments': aggregateDocuments,
  'database.addCollection': addCollection,
  'database.startTransaction': startTransaction,
  'database.commitTransaction': commitTransaction,
  'database.abortTransaction': abortTransaction,
};

export type { ActionEnv, ActionHandler, ActionReply } from './env';
