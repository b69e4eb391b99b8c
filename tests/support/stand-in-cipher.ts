import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretCipher } from '../../src/main/settings/settings-backend';

/**
 * Stands in for Electron's safeStorage, the one process boundary these tests cannot cross:
 * AES-256-GCM under a key that belongs to "this computer", with Chromium's "v10" prefix, so
 * what lands in the file looks and fails like the real thing (a wrong key throws).
 */
const STAND_IN_KEY = Buffer.alloc(32, 3);

export function standInSafeStorage(computerKey: Buffer = STAND_IN_KEY, unavailableReason?: string): SecretCipher {
  return {
    unavailableReason: () => unavailableReason,
    encrypt(plainText) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', computerKey, nonce);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from('v10'), nonce, body, cipher.getAuthTag()]);
    },
    decrypt(encrypted) {
      if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      const nonce = encrypted.subarray(3, 15);
      const decipher = createDecipheriv('aes-256-gcm', computerKey, nonce);
      decipher.setAuthTag(encrypted.subarray(encrypted.length - 16));
      return Buffer.concat([decipher.update(encrypted.subarray(15, encrypted.length - 16)), decipher.final()]).toString('utf8');
    },
  };
}
