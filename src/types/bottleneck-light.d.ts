// bottleneck/light.js is the build @octokit/plugin-throttling loads; importing the same file
// keeps the full Bottleneck (with its Redis clustering) out of the bundle.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck'
  export default Bottleneck
}
