// The Function App (functions/Schuldketen.Functions.Worker) on Flex Consumption: .NET isolated, a system-assigned
// identity, its code and host state in its own storage account reached by that identity. At least one instance stays
// ready, so the relays and the bus intake (hosted services) keep running between requests.

param name string

param location string

param tags object

@description('The storage account for the host (AzureWebJobsStorage) and the deployment package.')
param storageAccountName string

@description('That account\'s blob endpoint, ending in a slash.')
param storageBlobEndpoint string

param deploymentContainer string

@description('dotnet-isolated version, as Flex Consumption names it.')
param dotnetVersion string

@minValue(1)
param alwaysReadyInstances int

@minValue(1)
param maximumInstances int

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('App settings by name; Key Vault references are resolved with the app\'s identity.')
param settings object

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

var hostSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainer}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
      scaleAndConcurrency: {
        alwaysReady: [
          {
            name: 'http'
            instanceCount: alwaysReadyInstances
          }
        ]
        maximumInstanceCount: maximumInstances
        instanceMemoryMB: instanceMemoryMB
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: map(items(union(settings, hostSettings)), setting => { name: setting.key, value: setting.value })
    }
  }
}

output name string = site.name

output principalId string = site.identity.principalId

output hostName string = site.properties.defaultHostName
