// PostgreSQL Flexible Server with the hub's database. The connection string (with the administrator's password) goes
// straight into the vault; the apps read it through a Key Vault reference and no output carries it.

@description('Globally unique, 3-63 lower-case letters, digits and dashes.')
param name string

param location string

param tags object

param databaseName string

param administratorLogin string

@secure()
@minLength(16)
@description('The administrator\'s password; without ; or \' since it goes into an Npgsql connection string.')
param administratorPassword string

@description('The vault that receives the connection string as secret postgres-connection.')
param keyVaultName string

param skuName string

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param skuTier string

param storageSizeGB int

@allowed([
  'Disabled'
  'ZoneRedundant'
  'SameZone'
])
param highAvailability string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: '17'
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorPassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 14
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: highAvailability
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

// The hub's durability rests on it (README, "The store"); Azure's default, pinned so nobody trades it for speed.
resource synchronousCommit 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: server
  name: 'synchronous_commit'
  properties: {
    value: 'on'
    source: 'user-override'
  }
}

// Flexible Server takes one change at a time, so its children follow each other.
resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
  dependsOn: [
    synchronousCommit
  ]
}

// 0.0.0.0 is Azure's way of saying "from Azure services": the Function App's outbound addresses change with its scale.
resource fromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: server
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
  dependsOn: [
    database
  ]
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource connection 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'postgres-connection'
  properties: {
    contentType: 'Npgsql connection string'
    value: 'Host=${server.properties.fullyQualifiedDomainName};Database=${database.name};Username=${administratorLogin};Password=${administratorPassword};SSL Mode=VerifyFull'
  }
}

@description('The Key Vault secret holding the connection string, without a version.')
output connectionStringReference string = connection.properties.secretUri
