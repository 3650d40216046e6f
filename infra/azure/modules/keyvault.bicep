// The vault for the hub's secrets and the certificate that encrypts ASP.NET data-protection keys. Access by Azure RBAC only.
// The hub's own keys (Keys:SubjectHash, Keys:SubjectEncryption, Keys:TokenSigning) and the data-protection certificate
// are set once by the operator, never by a deployment: a redeployment with other values would make every stored BSN
// hash unfindable and log everyone out. ARM cannot create a Key Vault certificate in any case.

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

output name string = vault.name

@description('The vault address, ending in a slash.')
output uri string = vault.properties.vaultUri
