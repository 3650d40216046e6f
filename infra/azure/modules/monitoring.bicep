// Where the hub's logs, traces and metrics go: a Log Analytics workspace and a workspace-based Application Insights.

@description('Start of the resource names, such as schuldketen-demo.')
param baseName string

param location string

param tags object

@description('Days the workspace keeps logs.')
@minValue(30)
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${baseName}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${baseName}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

output applicationInsightsConnectionString string = insights.properties.ConnectionString
