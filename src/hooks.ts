import type { Transport } from '@sveltejs/kit';
import { notSerialisedTransport } from '$lib/not-serialised';

// Values marked with notSerialised() (pages that do not hydrate) are left out of the serialised page data.
export const transport: Transport = { NotSerialised: notSerialisedTransport };
