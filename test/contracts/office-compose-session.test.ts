import { composeSessionContract } from './compose-session';
import { fakeOfficeItem } from '../support/fake-office-item';
import { OfficeComposeSession } from '../../addin/office/office-compose-session';

composeSessionContract('Outlook (OfficeComposeSession)', (s) => new OfficeComposeSession(fakeOfficeItem(s), s.from.address));
