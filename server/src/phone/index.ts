/**
 * Phone number binding: the cost limit, the platform exchange, the claim on the number and the
 * account's pointer to it. Account deletion calls `releasePhoneClaims`.
 */
export { bindPhone, unbindPhone } from './bind';
export { releasePhoneClaims, claimKey, type PhoneClaimDoc } from './claims';
