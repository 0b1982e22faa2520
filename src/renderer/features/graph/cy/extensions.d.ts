// cytoscape-fcose and cytoscape-svg ship without types; both are cytoscape extensions registered with cytoscape.use().
declare module 'cytoscape-fcose' {
  const extension: cytoscape.Ext
  export default extension
}
declare module 'cytoscape-svg' {
  const extension: cytoscape.Ext
  export default extension
}
