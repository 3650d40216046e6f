// The vault for the hub's secrets and the key that wraps ASP.NET data-protection keys. Access by Azure RBAC only.
// The hub's own keys (Keys:SubjectHash, Keys:SubjectEncryption, Keys:TokenSigning) are set once by the operator,
// never by a deployment: a redeployment with other values would make every stored BSN hash unfindable.

@description('Globally unique, 3-24 letters, digits and dashes.')
@minLength(3)
@maxLength(24)
param name string

param location string

param tags object

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource dataProtection 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: 'dataprotection'
  properties: {
    kty: 'RSA'
    keySize: 2048
    keyOps: [
      'wrapKey'
      'unwrapKey'
    ]
  }
}

output name string = vault.name

@description('The vault address, ending in a slash.')
output uri string = vault.properties.vaultUri

@description('The data-protection key without a version, so a rotated key is used without a redeployment.')
output dataProtectionKeyUri string = dataProtection.properties.keyUri
