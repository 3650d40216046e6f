// The embedded host (functions/Schuldketen.Functions) as a Linux web app: the portal for residents and the workplace
// for professionals, on the same database and keys as the Function App. Several instances share one login through the
// data-protection keys in Blob Storage, wrapped by the Key Vault key (the Schuldketen__DataProtection__* settings).

param name string

param location string

param tags object

@description('App Service plan size, such as P0v3; B1 and up run on Linux.')
param skuName string

@minValue(1)
param instances int

@description('App settings by name; Key Vault references are resolved with the app\'s identity.')
param settings object

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instances
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet schuldketen.dll'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/health/ready'
      appSettings: map(items(settings), setting => { name: setting.key, value: setting.value })
    }
  }
}

output name string = site.name

output principalId string = site.identity.principalId

output hostName string = site.properties.defaultHostName
