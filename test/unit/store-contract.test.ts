import { InMemoryStore } from '../support/in-memory-store';
import { describeStoreContract } from '../support/store-contract';

describeStoreContract('the in-memory store', async (setup) => new InMemoryStore(setup));
